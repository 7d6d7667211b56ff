"""URLs against a real HTTP server on 127.0.0.1: statuses, limits, robots.txt, address guards.

No test sends traffic anywhere but 127.0.0.1: addresses that must be
refused are refused before any connection, which ``connections`` checks.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from sahelwatch import model
from sahelwatch.errors import BlockedAddress, EmptyInput, FetchError, TooLarge, UnsupportedInput
from sahelwatch.ingest import IngestOptions, Source, read_source
from sahelwatch.ingest import robots as robots_module
from sahelwatch.ingest.web import read_url
from sahelwatch.model import IngestFailure, RawDocument

ARTICLE = (
    "<html><head><title>Summit</title></head>"
    "<body><p>Les dirigeants de l'AES \u00e0 Niamey.</p></body></html>"
).encode("utf-8")
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local Feed</title>
<item><title>One</title><link>http://feed.example/1</link><description>First</description></item>
<item><title>Two</title><link>http://feed.example/2</link><description>Second</description></item>
</channel></rss>"""
LOCAL = IngestOptions(allow_private=True, timeout=0.5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    robots: tuple[int, bytes] | None
    requests: list[tuple[str, str]]  # (path, Host header)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out and left is expected, not a failure


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        length: bool = True,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", headers={"Location": location})

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("Host", "")))
        routes: dict[str, Callable[[], None]] = {
            "/robots.txt": self._robots,
            "/article.html": lambda: self._send(200, ARTICLE),
            "/private/secret.html": lambda: self._send(200, ARTICLE),
            "/plain.txt": lambda: self._send(
                200, b"plain words", "text/plain; charset=windows-1252"
            ),
            "/feed": lambda: self._send(200, RSS, "application/rss+xml"),
            "/feed-as-html": lambda: self._send(200, RSS, "text/html"),
            "/image.png": lambda: self._send(200, b"\x89PNG" + bytes(100), "image/png"),
            "/empty": lambda: self._send(200, b""),
            "/missing": lambda: self._send(404, b"<p>gone</p>"),
            "/error": lambda: self._send(500, b"<p>boom</p>"),
            "/slow": self._slow,
            "/trickle": self._trickle,
            "/big": lambda: self._send(200, b"a" * 200_000),
            "/big-stream": lambda: self._send(200, b"a" * 200_000, length=False),
            "/bomb": lambda: self._send(
                200, gzip.compress(b"a" * 5_000_000), headers={"Content-Encoding": "gzip"}
            ),
            "/redirect": lambda: self._redirect("/article.html#top", 301),
            "/redirect-chain": lambda: self._redirect("/redirect", 307),
            "/loop": lambda: self._redirect("/loop"),
            "/metadata": lambda: self._redirect("http://169.254.169.254/latest/meta-data"),
            "/intranet": lambda: self._redirect("http://10.0.0.5/x"),
            "/ftp": lambda: self._redirect("ftp://example.org/file"),
            "/echo-host": lambda: self._send(200, self.headers["Host"].encode(), "text/plain"),
        }
        routes.get(self.path, lambda: self._send(404, b"not found"))()

    def _robots(self) -> None:
        if self.server.robots is None:
            self._send(404, b"no robots here", "text/plain")
        else:
            status, body = self.server.robots
            self._send(status, body, "text/plain")

    def _slow(self) -> None:
        time.sleep(1.5)
        self._send(200, ARTICLE)

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(40):
            self.wfile.write(b"<p>")
            self.wfile.flush()
            time.sleep(0.05)


@contextmanager
def _serve(robots: tuple[int, bytes] | None) -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.robots = robots
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    with _serve((200, b"User-agent: *\nDisallow: /private/\n")) as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_robots_cache() -> Iterator[None]:
    robots_module.clear_cache()
    yield
    robots_module.clear_cache()


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address a socket connects to, and a hard stop for anything not local."""
    made: list[tuple[str, int]] = []
    real = socket.create_connection

    def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        made.append(address)
        if address[0] not in ("127.0.0.1", "::1"):
            raise AssertionError(f"a test tried to connect to {address}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return made


def _url(server: _Server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def _read(url: str, options: IngestOptions = LOCAL) -> list[RawDocument | IngestFailure]:
    return list(read_source(Source(name=url, location=url, kind="url"), options))


def test_ingest_web_html_article(server: _Server) -> None:
    url = _url(server, "/article.html")
    [document] = _read(url)
    assert isinstance(document, RawDocument)
    assert document.content == ARTICLE
    assert document.media_type == model.HTML
    assert document.uri == url
    assert dict(document.hints) == {"url": url, "charset": "utf-8"}


def test_ingest_web_sends_the_user_agent(server: _Server) -> None:
    url = _url(server, "/echo-host")
    options = IngestOptions(allow_private=True, user_agent="sahelwatch-test/1")
    [document] = _read(url, options)
    assert isinstance(document, RawDocument)
    assert document.content == f"127.0.0.1:{server.server_address[1]}".encode()


def test_ingest_web_plain_text(server: _Server) -> None:
    [document] = _read(_url(server, "/plain.txt"))
    assert isinstance(document, RawDocument)
    assert (document.media_type, document.hints["charset"]) == (model.TEXT, "windows-1252")


@pytest.mark.parametrize("path", ["/feed", "/feed-as-html"])
def test_ingest_web_feed_becomes_entries(server: _Server, path: str) -> None:
    url = _url(server, path)
    documents = _read(url)
    assert [d.uri for d in documents if isinstance(d, RawDocument)] == [
        f"{url}#entry=1",
        f"{url}#entry=2",
    ]
    first = documents[0]
    assert isinstance(first, RawDocument)
    assert first.hints["url"] == "http://feed.example/1"
    assert first.hints["site_name"] == "Local Feed"


def test_ingest_web_loopback_refused_without_allow_private(
    server: _Server, connections: list[tuple[str, int]]
) -> None:
    url = _url(server, "/article.html")
    with pytest.raises(BlockedAddress) as caught:
        _read(url, IngestOptions())
    assert str(caught.value) == (
        f"{url}: 127.0.0.1 is a loopback address (use --allow-private to allow)"
    )
    assert connections == []


@pytest.mark.parametrize(
    ("path", "status"),
    [("/missing", "HTTP 404 Not Found"), ("/error", "HTTP 500 Internal Server Error")],
)
def test_ingest_web_http_errors(server: _Server, path: str, status: str) -> None:
    url = _url(server, path)
    with pytest.raises(FetchError) as caught:
        _read(url)
    assert str(caught.value) == f"{url}: {status}"


def test_ingest_web_timeout(server: _Server) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        _read(_url(server, "/slow"))
    assert caught.value.reason == "timed out after 0.5 s"
    assert time.monotonic() - started < 1.4


def test_ingest_web_trickling_body_hits_the_overall_deadline(server: _Server) -> None:
    options = IngestOptions(allow_private=True, timeout=0.1, respect_robots=False)
    with pytest.raises(FetchError, match=r"timed out after 0\.4 s reading the body"):
        _read(_url(server, "/trickle"), options)


def test_ingest_web_redirect_to_metadata_refused_even_with_allow_private(
    server: _Server, connections: list[tuple[str, int]]
) -> None:
    url = _url(server, "/metadata")
    with pytest.raises(BlockedAddress) as caught:
        _read(url)
    assert str(caught.value) == (
        f"{url}: redirects to link-local address 169.254.169.254 (never allowed)"
    )
    assert connections  # the first hop did connect, locally
    assert all(host == "127.0.0.1" for host, _ in connections)


def test_ingest_web_redirect_to_private_refused_without_allow_private(
    server: _Server, connections: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend the test server is public so the first hop passes without allow_private.
    from sahelwatch.ingest import netguard

    real_classify = netguard.classify
    monkeypatch.setattr(
        netguard,
        "classify",
        lambda address: None if str(address) == "127.0.0.1" else real_classify(address),
    )
    url = _url(server, "/intranet")
    with pytest.raises(BlockedAddress) as caught:
        _read(url, IngestOptions(timeout=0.5))
    assert caught.value.reason == (
        "redirects to private address 10.0.0.5 (use --allow-private to allow)"
    )
    assert all(host == "127.0.0.1" for host, _ in connections)


def test_ingest_web_redirects_are_followed_and_resolved(server: _Server) -> None:
    [document] = _read(_url(server, "/redirect-chain"))
    assert isinstance(document, RawDocument)
    assert document.uri == _url(server, "/article.html")  # the final URL, fragment dropped
    assert document.hints["url"] == document.uri


def test_ingest_web_redirect_loop_stops(server: _Server) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        _read(_url(server, "/loop"))


def test_ingest_web_redirect_to_other_scheme(server: _Server) -> None:
    with pytest.raises(FetchError, match="redirects to unsupported URL scheme 'ftp'"):
        _read(_url(server, "/ftp"))


def test_ingest_web_robots_txt_disallows(server: _Server) -> None:
    url = _url(server, "/private/secret.html")
    before = len(server.requests)
    with pytest.raises(FetchError) as caught:
        _read(url)
    assert str(caught.value) == f"{url}: disallowed by robots.txt"
    assert [path for path, _ in server.requests[before:]] == ["/robots.txt"]


def test_ingest_web_robots_txt_can_be_ignored(server: _Server) -> None:
    options = IngestOptions(allow_private=True, respect_robots=False)
    assert len(_read(_url(server, "/private/secret.html"), options)) == 1


def test_ingest_web_robots_txt_is_fetched_once_per_origin(server: _Server) -> None:
    before = [path for path, _ in server.requests].count("/robots.txt")
    _read(_url(server, "/article.html"))
    _read(_url(server, "/plain.txt"))
    assert [path for path, _ in server.requests].count("/robots.txt") == before + 1


def test_ingest_web_missing_robots_txt_allows_everything() -> None:
    with _serve(robots=None) as bare:
        assert len(_read(_url(bare, "/private/secret.html"))) == 1


def test_ingest_web_failing_robots_txt_forbids(server: _Server) -> None:
    with _serve(robots=(503, b"down")) as broken, pytest.raises(FetchError) as caught:
        _read(_url(broken, "/article.html"))
    assert caught.value.reason == (
        "robots.txt could not be read (robots.txt answered HTTP 503), so fetching is not allowed"
    )


def test_ingest_web_oversize_body_with_content_length(server: _Server) -> None:
    with pytest.raises(TooLarge) as caught:
        _read(_url(server, "/big"), IngestOptions(allow_private=True, max_bytes=1000))
    assert caught.value.reason == "195.3 KB exceeds the 1000 bytes size limit"


def test_ingest_web_oversize_streamed_body_is_cut_off(server: _Server) -> None:
    with pytest.raises(TooLarge) as caught:
        _read(_url(server, "/big-stream"), IngestOptions(allow_private=True, max_bytes=1000))
    assert caught.value.reason == "response body exceeds the 1000 bytes size limit"


def test_ingest_web_compressed_bomb_is_cut_off(server: _Server) -> None:
    with pytest.raises(TooLarge):
        _read(_url(server, "/bomb"), IngestOptions(allow_private=True, max_bytes=100_000))


def test_ingest_web_unsupported_content_type(server: _Server) -> None:
    with pytest.raises(UnsupportedInput, match="unsupported content type image/png"):
        _read(_url(server, "/image.png"))


def test_ingest_web_empty_body(server: _Server) -> None:
    with pytest.raises(EmptyInput, match="the response body is empty"):
        _read(_url(server, "/empty"))


def test_ingest_web_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    with pytest.raises(FetchError, match=r"could not connect to 127\.0\.0\.1"):
        _read(url, IngestOptions(allow_private=True, respect_robots=False))


def test_ingest_web_connects_to_the_checked_address_with_the_real_host(
    server: _Server, monkeypatch: pytest.MonkeyPatch, connections: list[tuple[str, int]]
) -> None:
    port = server.server_address[1]
    real = socket.getaddrinfo

    def getaddrinfo(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "news.sahel.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr("sahelwatch.ingest.netguard.socket.getaddrinfo", getaddrinfo)
    [document] = _read(f"http://news.sahel.test:{port}/echo-host")
    assert isinstance(document, RawDocument)
    assert document.content == f"news.sahel.test:{port}".encode()
    assert document.uri == f"http://news.sahel.test:{port}/echo-host"
    assert {host for host, _ in connections} == {"127.0.0.1"}


def test_ingest_web_https_keeps_host_name_for_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<p>ok</p>")

    monkeypatch.setattr(
        "sahelwatch.ingest.netguard.socket.getaddrinfo",
        lambda host, port, *a, **k: [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))
        ],
    )
    source = Source("https://secure.sahel.test/a", "https://secure.sahel.test/a", "url")
    [document] = list(read_url(source, IngestOptions(), transport=httpx.MockTransport(handler)))
    assert isinstance(document, RawDocument)
    assert document.uri == "https://secure.sahel.test/a"
    page = seen[-1]
    assert page.url == httpx.URL("https://93.184.216.34/a")
    assert page.headers["host"] == "secure.sahel.test"
    assert page.extensions["sni_hostname"] == "secure.sahel.test"
    assert page.headers["user-agent"].startswith("sahelwatch/")
