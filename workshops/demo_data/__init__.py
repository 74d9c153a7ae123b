"""Content of the working groups' demo, as plain constants (``manage.py seed_demo``).

The seeding logic reads them: ``workshops/demo_groups.py`` (groups, people,
meetings) and ``workshops/demo_contributions.py`` (contributions and their life).
Python rather than JSON: the texts are multi-line Markdown, the kinds are the
models' TextChoices, and the records are typed dataclasses.
"""
