"""Signals other apps may listen to without coaching knowing them (e.g. the LMS app
sends released scores to the gradebook). Sent inside the transaction that made the
change: receivers that do work elsewhere queue it with `transaction.on_commit`."""

from django.dispatch import Signal

# A teacher released or withdrew a revision's marking. Arguments: revision.
marking_changed = Signal()
