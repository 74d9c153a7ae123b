"""Writes of the workshops app, one module per feature (groups, meetings, contributions,
moderation). Keyword-only, typed, atomic; moderation and publication are audited."""
