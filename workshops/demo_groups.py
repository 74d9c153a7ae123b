def seed_groups_and_meetings(log) -> None:
    """Groups, facilitators, members, meetings and minutes (written next)."""
