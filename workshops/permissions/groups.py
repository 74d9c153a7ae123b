"""Permissions of groups, memberships and meetings."""
