from django import template
from django.utils.safestring import SafeString

from cop.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    """``{{ text|markdown }}``: Markdown rendered and sanitised."""
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def space_section(context, section) -> SafeString:
    """``{% space_section section %}``: a registered section's template, with its variables.

    Rendered in the page's own context (so ``request``, ``user`` and
    ``{% csrf_token %}`` work), the section's variables pushed on top.
    """
    template = context.template.engine.get_template(section.template)
    with context.push(section.context):
        return template.render(context)
