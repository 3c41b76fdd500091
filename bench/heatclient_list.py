#!/usr/bin/python3
"""python-heatclient listing every stack or every event of the fake Heat (bench/fake_heat_listing.py), as a user
would: stacks.list pages by itself; events.list gives one page, so the loop follows the marker the way a script
must. Prints one JSON line: count, seconds to the first object, total seconds, peak RSS in MiB."""
import json
import resource
import sys
import time

from heatclient.v1.client import Client

endpoint, kind = sys.argv[1], sys.argv[2]
client = Client(endpoint=endpoint, token="bench-token")
start = time.perf_counter()
first = None
count = 0
if kind == "stacks":
    # heatclient pages only under a limit: ask for all of them, 100 a page as the server gives.
    for _ in client.stacks.list(limit=10 ** 9):
        count += 1
        if first is None:
            first = time.perf_counter() - start
else:
    marker = None
    while True:
        kwargs = {"limit": 100}
        if marker:
            kwargs["marker"] = marker
        page = client.events.list("big", **kwargs)
        for e in page:
            count += 1
            if first is None:
                first = time.perf_counter() - start
        if len(page) < 100:
            break
        marker = page[-1].id
total = time.perf_counter() - start
print(json.dumps({"count": count, "first_s": first, "total_s": total,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}))
