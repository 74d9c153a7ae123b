"""Floor 0: what every app needs and no app owns (no models).

Reading and writing spreadsheets, parsing request parameters, the store of
upload previews, breadcrumbs, French formatting helpers. Imports Django and
libraries only, never one of the platform's apps.
"""
