"""A client whose transport answers from recorded JSON and records every request it gets.

Everything above the transport is the real elasticsearch client: serialisation, the product
check, errors raised for error statuses. Recorded answers live in recorded/*.json; a string
"@name" in one stands for the id of the page the test built under that name.

Golden files (golden/*.json) hold what the code sends: regenerate them after an intended
change with GLOKAL_UPDATE_GOLDEN=1.
"""

import json
import os
from pathlib import Path

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch

HERE = Path(__file__).resolve().parent
RECORDED = HERE / "recorded"
GOLDEN = HERE / "golden"
UPDATE_GOLDEN = os.environ.get("GLOKAL_UPDATE_GOLDEN") == "1"


def recorded(name, pages=None):
    """The recorded answer `name`, each "@name" in it replaced by the id of the page the test
    built under that name."""
    data = json.loads((RECORDED / f"{name}.json").read_text())

    def fill(value):
        if isinstance(value, dict):
            return {key: fill(item) for key, item in value.items()}
        if isinstance(value, list):
            return [fill(item) for item in value]
        if isinstance(value, str) and value.startswith("@") and pages is not None:
            return pages[value[1:]].pk
        return value

    return fill(data)


def assert_golden(name, data):
    """`data` equals golden/`name`.json (written instead, with GLOKAL_UPDATE_GOLDEN=1)."""
    path = GOLDEN / f"{name}.json"
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    if UPDATE_GOLDEN or not path.exists():
        path.write_text(text)
    assert json.loads(text) == json.loads(path.read_text()), f"{path.name} differs"


def _read(body):
    """A request body: JSON, or a list of JSON lines (the bulk API's NDJSON)."""
    if not body:
        return None
    lines = body.decode().strip().split("\n")
    return json.loads(lines[0]) if len(lines) == 1 else [json.loads(line) for line in lines]


class RecordedCluster:
    """What the fake cluster answers (in order; the last one again when they run out) and
    every request it received: {"method", "target", "body"}."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.received = []

    def answer(self):
        if len(self.answers) > 1:
            return self.answers.pop(0)
        return self.answers[0] if self.answers else {}

    def client(self):
        cluster = self

        class RecordedNode(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, **kwargs):
                cluster.received.append({"method": method, "target": target, "body": _read(body)})
                answer = cluster.answer()
                if isinstance(answer, Exception):
                    raise answer
                status, payload = answer if isinstance(answer, tuple) else (200, answer)
                meta = ApiResponseMeta(
                    status=status,
                    http_version="1.1",
                    headers=HttpHeaders(
                        {
                            "content-type": "application/json",
                            "x-elastic-product": "Elasticsearch",
                        }
                    ),
                    duration=0.0,
                    node=self.config,
                )
                return NodeApiResponse(meta, json.dumps(payload).encode())

        return Elasticsearch(
            "http://recorded.invalid:9200",
            node_class=RecordedNode,
            max_retries=0,
            request_timeout=1,
        )
