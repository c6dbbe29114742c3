"""Reference data reloads on POST /v1/reload and on SIGHUP without dropping requests; bad data
does not replace good."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable

import httpx

from .conftest import TOKEN, Server

ARTICLE = {"text": "More than 45,000 Palestinians have been killed in Gaza, according to the Gaza Ministry of Health.",
           "published": "2024-08-01", "path": "toll.txt"}
NEW_ROW = "killed,Gaza,Palestinians,45500,2024-07-31,2023-10-07,Gaza Ministry of Health,https://example.org/gaza-moh-2024-07-31,test fixture\n"


def verdict(http: httpx.Client) -> str:
    got = http.post("/v1/check", json=ARTICLE)
    assert got.status_code == 200, got.text
    return str(got.json()["files"][0]["claims"][0]["verdict"])


def hammer(server: Server, token: str | None, during: Callable[[], None], threads: int = 4) -> list[int]:
    """Statuses of checks sent continuously from several clients while ``during`` runs."""
    statuses: list[int] = []
    done = threading.Event()

    def client() -> None:
        with server.client(token) as http:
            while not done.is_set():
                try:
                    statuses.append(http.post("/v1/check", json=ARTICLE).status_code)
                except httpx.HTTPError as exc:  # a dropped connection counts as a failure
                    statuses.append(-1)
                    print(exc)

    def settle(count: int) -> None:
        """Wait until count requests have been answered (so some are in flight around ``during``)."""
        deadline = time.monotonic() + 60
        while len(statuses) < count and time.monotonic() < deadline:
            time.sleep(0.01)

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for w in workers:
        w.start()
    try:
        settle(threads)
        during()
        settle(len(statuses) + threads)
    finally:
        done.set()
        for w in workers:
            w.join(timeout=120)
    return statuses


def test_post_reload_and_sighup_swap_the_data_without_dropping_requests(guarded: Server) -> None:
    assert guarded.refs is not None
    csv = guarded.refs / "toll.csv"
    original = csv.read_text(encoding="utf-8")
    with guarded.client(TOKEN) as http:
        assert verdict(http) == "contradicted"
        before = http.get("/v1/health").json()["generation"]
        csv.write_text(original + NEW_ROW, encoding="utf-8")
        replies: list[httpx.Response] = []
        statuses = hammer(guarded, TOKEN, lambda: replies.append(http.post("/v1/reload")))
        assert replies[0].status_code == 200 and replies[0].json()["generation"] == before + 1
        assert statuses and set(statuses) == {200}
        assert verdict(http) == "supported"

        csv.write_text(original, encoding="utf-8")

        def hangup() -> None:
            guarded.process.send_signal(signal.SIGHUP)
            deadline = time.monotonic() + 60
            while http.get("/v1/health").json()["generation"] != before + 2:
                assert time.monotonic() < deadline, "SIGHUP did not reload"
                time.sleep(0.1)

        statuses = hammer(guarded, TOKEN, hangup)
        assert statuses and set(statuses) == {200}
        assert verdict(http) == "contradicted"

        csv.write_text(original + "killed,Gaza,,not-a-number,2024-07-31,,X,https://example.org/x,\n", encoding="utf-8")
        refused = http.post("/v1/reload")
        assert refused.status_code == 409 and "toll.csv" in refused.json()["error"]
        assert http.get("/v1/health").json()["generation"] == before + 2
        assert verdict(http) == "contradicted"  # the previous data stays in use
        csv.write_text(original, encoding="utf-8")


def generations(server: Server, tries: int = 30, want: int = 0) -> dict[int, int]:
    """pid -> reference generation of the workers reached (a new connection each time, so the
    kernel spreads them over the workers). With ``want``, keep asking (up to a minute) until that
    many workers have answered: a worker still loading its model answers nothing."""
    seen: dict[int, int] = {}
    deadline = time.monotonic() + 60
    asked = 0
    while asked < tries or (len(seen) < want and time.monotonic() < deadline):
        health = httpx.get(f"{server.url}/v1/health", timeout=60).json()
        seen[health["pid"]] = health["generation"]
        asked += 1
        if asked >= tries and len(seen) < want:
            time.sleep(0.05)
    return seen


def test_every_worker_reloads_in_place_on_sighup_to_the_parent_and_on_post(plain: Server) -> None:
    before = generations(plain, want=2)
    assert len(before) == 2, "both workers answer"

    def wait_for(step: int) -> Callable[[], None]:
        def until() -> None:
            deadline = time.monotonic() + 120
            while True:
                now = generations(plain, 10)
                if set(now) <= set(before) and all(g == before[p] + step for p, g in now.items()):
                    return
                assert time.monotonic() < deadline, f"the workers did not reload: {now} after {before}"
                time.sleep(0.2)
        return until

    def hangup() -> None:
        plain.process.send_signal(signal.SIGHUP)
        wait_for(1)()

    def post() -> None:
        with plain.client() as http:
            reply = http.post("/v1/reload")
        assert reply.status_code == 200 and reply.json()["workers"] == "every worker"
        wait_for(2)()

    for during in (hangup, post):
        statuses = hammer(plain, None, during, threads=3)
        assert statuses and set(statuses) == {200}
    assert set(generations(plain, want=2)) == set(before), "the same processes: reloaded in place, none replaced"
