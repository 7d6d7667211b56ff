"""An HTTP client that only reaches addresses ``netguard`` let through.

Redirects are followed here, not by httpx, so that each hop's address is
checked before anything connects to it, and each request is sent to the
address that was checked, never re-resolved (the ``Host`` header and the TLS
server name keep the real host name). robots.txt is fetched through the same
checks. Bodies are streamed and cut off past their size limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Final

import httpx

from sahelwatch.errors import FetchError, TooLarge

from . import robots
from .limits import human_seconds, too_large_reason
from .netguard import IPAddress, checked_addresses, parse_ip
from .options import IngestOptions

MAX_REDIRECTS: Final = 5
_REDIRECT_STATUSES: Final = frozenset({301, 302, 303, 307, 308})
#: A server may trickle a body one byte per read timeout; the whole body gets
#: this many read timeouts, then the fetch gives up.
_BODY_DEADLINE_FACTOR: Final = 4
# Only encodings whose expansion ratio is bounded (about 1000:1): a brotli or
# zstd bomb could turn one network chunk into gigabytes before the cap sees it.
_ACCEPT_ENCODING: Final = "gzip, deflate"


@dataclass(frozen=True)
class Fetched:
    """A response after redirects: the final URL (no fragment) and a capped body."""

    url: str
    status: int
    content_type: str
    body: bytes


class Fetcher:
    """An httpx client that only ever talks to addresses ``netguard`` let through.

    Keep-alive is off: connections are pooled by address, and a TLS
    connection verified for one host name must not carry a request for
    another host that happens to share the address.
    """

    def __init__(
        self,
        name: str,
        options: IngestOptions,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.name = name
        self.options = options
        self._client = httpx.Client(
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would connect on our behalf, unchecked
            limits=httpx.Limits(max_keepalive_connections=0),
            headers={"User-Agent": options.user_agent, "Accept-Encoding": _ACCEPT_ENCODING},
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        *,
        accept: str = "*/*",
        check_type: Callable[[str], None] | None = None,
        max_bytes: int,
        only_success: bool = True,
        truncate: bool = False,
        robots_txt: bool = True,
    ) -> Fetched:
        """GET ``url``, following up to ``MAX_REDIRECTS`` redirects, each one checked.

        ``check_type`` sees the Content-Type before the body is read and
        raises to refuse it. ``truncate`` keeps the first ``max_bytes`` of a
        larger body instead of refusing it.
        """
        try:
            current = httpx.URL(url).copy_with(fragment=None)
        except httpx.InvalidURL as error:
            raise FetchError(self.name, f"not a valid URL: {error}") from error
        for hop in range(MAX_REDIRECTS + 1):
            redirected = hop > 0
            host = self._check_url(current, redirected=redirected)
            addresses = checked_addresses(
                self.name,
                host,
                current.port or (443 if current.scheme == "https" else 80),
                allow_private=self.options.allow_private,
                redirected=redirected,
            )
            if robots_txt and self.options.respect_robots:
                self._check_robots(current)
            outcome = self._request(
                current,
                addresses,
                accept=accept,
                check_type=check_type,
                max_bytes=max_bytes,
                only_success=only_success,
                truncate=truncate,
            )
            if isinstance(outcome, Fetched):
                return outcome
            current = outcome
        raise FetchError(self.name, f"more than {MAX_REDIRECTS} redirects")

    def _check_url(self, url: httpx.URL, *, redirected: bool) -> str:
        if url.scheme not in ("http", "https"):
            verb = "redirects to" if redirected else "has"
            raise FetchError(self.name, f"{verb} unsupported URL scheme '{url.scheme}'")
        host = url.raw_host.decode("ascii")
        if not host:
            raise FetchError(self.name, "URL has no host")
        return host

    def _request(
        self,
        url: httpx.URL,
        addresses: list[IPAddress],
        *,
        accept: str,
        check_type: Callable[[str], None] | None,
        max_bytes: int,
        only_success: bool,
        truncate: bool,
    ) -> Fetched | httpx.URL:
        """One request, to the first checked address that accepts a connection."""
        host = url.raw_host.decode("ascii")
        headers = {"Host": url.netloc.decode("ascii"), "Accept": accept}
        extensions = {}
        if url.scheme == "https" and parse_ip(host) is None:
            extensions["sni_hostname"] = host  # also the name the certificate is checked against
        refused: httpx.ConnectError | None = None
        for address in addresses:
            try:
                with self._client.stream(
                    "GET", url.copy_with(host=str(address)), headers=headers, extensions=extensions
                ) as response:
                    return self._response(
                        url,
                        response,
                        check_type=check_type,
                        max_bytes=max_bytes,
                        only_success=only_success,
                        truncate=truncate,
                    )
            except httpx.ConnectError as error:
                refused = error  # try the host's next address
            except httpx.TimeoutException as error:
                raise FetchError(
                    self.name, f"timed out after {human_seconds(self.options.timeout)}"
                ) from error
            except httpx.DecodingError as error:
                raise FetchError(self.name, f"the body could not be decoded: {error}") from error
            except httpx.HTTPError as error:
                raise FetchError(self.name, f"request failed: {_one_line(error)}") from error
        raise FetchError(self.name, f"could not connect to {host}: {_one_line(refused)}")

    def _response(
        self,
        url: httpx.URL,
        response: httpx.Response,
        *,
        check_type: Callable[[str], None] | None,
        max_bytes: int,
        only_success: bool,
        truncate: bool,
    ) -> Fetched | httpx.URL:
        status = response.status_code
        location = response.headers.get("location")
        if status in _REDIRECT_STATUSES and location:
            try:
                return url.join(location).copy_with(fragment=None)
            except httpx.InvalidURL as error:
                raise FetchError(self.name, f"redirects to an invalid URL: {location}") from error
        if only_success and not 200 <= status < 300:
            raise FetchError(self.name, f"HTTP {status} {response.reason_phrase}".rstrip())
        content_type = response.headers.get("content-type", "")
        if check_type is not None:
            check_type(content_type)
        declared = response.headers.get("content-length", "")
        if not truncate and declared.isdigit() and int(declared) > max_bytes:
            raise TooLarge(self.name, too_large_reason(int(declared), max_bytes, "response body"))
        body = self._read_body(response, max_bytes, truncate=truncate)
        return Fetched(url=str(url), status=status, content_type=content_type, body=body)

    def _read_body(self, response: httpx.Response, max_bytes: int, *, truncate: bool) -> bytes:
        allowed = self.options.timeout * _BODY_DEADLINE_FACTOR
        deadline = time.monotonic() + allowed
        parts: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            parts.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                if truncate:
                    return b"".join(parts)[:max_bytes]
                raise TooLarge(self.name, too_large_reason(None, max_bytes, "response body"))
            if time.monotonic() > deadline:
                raise FetchError(
                    self.name, f"timed out after {human_seconds(allowed)} reading the body"
                )
        return b"".join(parts)

    def _check_robots(self, url: httpx.URL) -> None:
        origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
        rules = robots.cached_rules(origin)
        if rules is None:
            rules = self._fetch_robots(origin)
            robots.remember_rules(origin, rules)
        if rules.allows(self.options.user_agent, str(url)):
            return
        if rules.why:
            raise FetchError(
                self.name, f"robots.txt could not be read ({rules.why}), so fetching is not allowed"
            )
        raise FetchError(self.name, "disallowed by robots.txt")

    def _fetch_robots(self, origin: str) -> robots.RobotsRules:
        try:
            fetched = self.get(
                f"{origin}/robots.txt",
                max_bytes=robots.MAX_ROBOTS_BYTES,
                only_success=False,
                truncate=True,
                robots_txt=False,
            )
        except FetchError as error:  # BlockedAddress included: a guarded redirect is no rules
            return robots.unreachable(error.reason)
        return robots.rules_from_response(fetched.status, fetched.body)


def _one_line(error: BaseException | None) -> str:
    if error is None:
        return "no address"
    return " ".join(str(error).split()) or type(error).__name__
