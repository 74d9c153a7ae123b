def seed_contributions(log) -> None:
    """Contributions of the three kinds, comments, supports (written next)."""
