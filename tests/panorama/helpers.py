"""Helpers of the panorama tests."""

import re


def text_of(response) -> str:
    """The page's text, French non-breaking spaces turned into plain spaces, blanks collapsed."""
    html = response.content.decode().replace("\u202f", " ").replace("\xa0", " ")
    return re.sub(r"\s+", " ", html)
