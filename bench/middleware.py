"""Counts the SQL queries of each request and reports them in an ``X-Query-Count`` header.

Outermost middleware, so the session and authentication queries count too. A streamed body's
queries run after the headers are sent, so for a streaming response the header counts only the
queries made before its first byte.
"""

from django.db import connection


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count)
        return response
