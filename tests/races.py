"""Racing real transactions (PostgreSQL, `services` tests): calls released together in
threads, each on its own database connection."""

import threading

from django.db import connection


def race(*calls):
    """Run the calls in threads released together; what each returned or raised, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except Exception as error:  # the race's outcome is what the test asserts on
            results[index] = error
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
