#!/usr/bin/python3
"""A fake Heat that serves large listings in Heat's page shapes, for bench/Listing.Bench.ps1 (numbers, not tests).

GET /v1/p1/stacks?limit=&marker=                 N stacks (argv[1]), newest first, limit/marker paging
GET /v1/p1/stacks/big                            302 to /v1/p1/stacks/big/BIG_ID (as Heat answers a name)
GET /v1/p1/stacks/big[/BIG_ID]/events?limit=&marker=    M events (argv[2])

Pages are at most MAX_LIMIT items whatever limit is asked (Heat's api max_limit); a full page carries Heat's
"next" link. Item texts are made once at start, so the server costs little per request. Binds 127.0.0.1 only and
prints its port on the first line of its output. An optional third argument is a delay in milliseconds before every
answer: a cloud far away, for bench/Fleet.Bench.ps1.
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs, urlencode

MAX_LIMIT = 100
BIG_ID = "5b1f7c1e-0000-4000-8000-00000000b16b"


def stack(i, base):
    sid = "%08d-aaaa-4bbb-8ccc-%012d" % (i, i)
    return sid, json.dumps({
        "id": sid, "stack_name": "bench-%05d" % i, "description": "Generated stack number %d for the listing bench" % i,
        "stack_status": "CREATE_COMPLETE", "stack_status_reason": "Stack CREATE completed successfully",
        "creation_time": "2024-05-01T10:%02d:%02dZ" % (i // 60 % 60, i % 60), "updated_time": None, "deletion_time": None,
        "stack_owner": None, "parent": None, "stack_user_project_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "tags": ["bench", "tier-%d" % (i % 3)], "project": "p1",
        "links": [{"href": "%s/v1/p1/stacks/bench-%05d/%s" % (base, i, sid), "rel": "self"}],
    })


def event(i, base):
    eid = "%08d-eeee-4fff-8000-%012d" % (i, i)
    name = "res-%04d" % (i % 1000)
    return eid, json.dumps({
        "id": eid, "resource_name": name, "logical_resource_id": name,
        "physical_resource_id": "%032x" % i, "resource_status": ["CREATE_IN_PROGRESS", "CREATE_COMPLETE"][i % 2],
        "resource_status_reason": "state changed", "event_time": "2024-05-01T10:%02d:%02dZ" % (i // 60 % 60, i % 60),
        "links": [{"href": "%s/v1/p1/stacks/big/%s/resources/%s/events/%s" % (base, BIG_ID, name, eid), "rel": "self"},
                  {"href": "%s/v1/p1/stacks/big/%s" % (base, BIG_ID), "rel": "stack"}],
    })


class Listing:
    def __init__(self, items):
        self.ids = [i for i, _ in items]
        self.texts = [t for _, t in items]
        self.index = {i: n for n, i in enumerate(self.ids)}

    def page(self, envelope, query, self_url):
        limit = MAX_LIMIT
        if "limit" in query:
            limit = max(0, min(int(query["limit"][0]), MAX_LIMIT))
        start = 0
        if "marker" in query:
            start = self.index.get(query["marker"][0], -1) + 1
            if start == 0:
                return None
        chunk = self.texts[start:start + limit]
        body = '{"%s": [%s]' % (envelope, ",".join(chunk))
        if limit and len(chunk) == limit:
            nxt = dict((k, v[0]) for k, v in query.items())
            nxt["marker"] = self.ids[start + len(chunk) - 1]
            body += ', "links": [{"href": "%s?%s", "rel": "next"}]' % (self_url, urlencode(nxt))
        return (body + "}").encode()


def main():
    stacks_n, events_n = int(sys.argv[1]), int(sys.argv[2])
    delay = int(sys.argv[3]) / 1000.0 if len(sys.argv) > 3 else 0.0
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    base = "http://127.0.0.1:%d" % server.server_address[1]
    stacks = Listing([stack(i, base) for i in range(stacks_n)])
    events = Listing([event(i, base) for i in range(events_n)])

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out at once: without it each body waited behind its headers for the client's delayed ACK
        # (Nagle's algorithm), about 40 ms a page, and the server was what got measured.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def reply(self, status, body=b"", location=None):
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            if location:
                self.send_header("Location", location)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            if delay:
                time.sleep(delay)
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            path = url.path.rstrip("/")
            if path == "/v1/p1/stacks":
                body = stacks.page("stacks", query, base + path)
            elif path == "/v1/p1/stacks/big":
                return self.reply(302, location="%s/v1/p1/stacks/big/%s" % (base, BIG_ID))
            elif path == "/v1/p1/stacks/big/events":
                return self.reply(302, location="%s/v1/p1/stacks/big/%s/events?%s" % (base, BIG_ID, url.query))
            elif path == "/v1/p1/stacks/big/%s" % BIG_ID:
                body = ('{"stack": {"id": "%s", "stack_name": "big", "stack_status": "CREATE_COMPLETE", '
                        '"creation_time": "2024-05-01T10:00:00Z"}}' % BIG_ID).encode()
            elif path == "/v1/p1/stacks/big/%s/events" % BIG_ID:
                body = events.page("events", query, base + path)
            else:
                body = None
            if body is None:
                return self.reply(404, b'{"error": {"message": "not found"}}')
            self.reply(200, body)

    server.RequestHandlerClass = Handler
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
