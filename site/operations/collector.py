"""Python's cycle collector in a long-running web process.

A full collection walks every object the process holds: Django, Wagtail, the compiled templates,
the directory's facet index and vocabularies, some 300,000 objects and 150 ms on a small
server. It starts in whichever request happens to allocate at that moment, so now and then one
visitor waits for it. What a process holds after its first requests lives as long as the
process, so after the 1st, 10th and 100th request it is collected once and frozen (gc.freeze):
later collections look only at what requests create. The Python documentation recommends the
same for servers that fork their workers, where it also keeps the copied memory shared.
"""

import gc

FREEZE_AFTER_REQUESTS = frozenset({1, 10, 100})

_finished = 0


def settle_long_lived_objects(**kwargs):
    """request_finished receiver: freeze what the process holds after its first requests.
    Django sends the signal once the response is closed, after the answer was written."""
    global _finished
    _finished += 1
    if _finished in FREEZE_AFTER_REQUESTS:
        gc.collect()
        gc.freeze()
