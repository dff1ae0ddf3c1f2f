"""Instructor tools: authoring, live control and debrief. Built on the pure core; see issue 3."""
