from django import template
from django.utils.safestring import SafeString

from cop.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    """``{{ text|markdown }}``: Markdown rendered and sanitised."""
    return render_markdown(text)


@register.filter(name="public_name")
def public_name_filter(person, organisation=None) -> str:
    """``{{ person|public_name }}`` or ``{{ person|public_name:organisation }}``: the name a
    person shows to others (``User.public_name``), never their email address."""
    if person is None:
        return ""
    return person.public_name(organisation or None)


@register.simple_tag(takes_context=True)
def space_section(context, section) -> SafeString:
    """``{% space_section section %}``: a registered section's template, with its variables.

    Rendered in the page's own context (so ``request``, ``user`` and
    ``{% csrf_token %}`` work), the section's variables pushed on top.
    """
    template = context.template.engine.get_template(section.template)
    with context.push(section.context):
        return template.render(context)
