from django import template

register = template.Library()


@register.filter
def app_label(obj) -> str:
    return obj._meta.app_label


@register.filter
def model_name(obj) -> str:
    return obj._meta.model_name


@register.filter
def timedelta_minutes(value) -> int:
    return int(value.total_seconds() // 60) if value else 0
