"""Permissions of contributions, comments, supports, reports and moderation."""
