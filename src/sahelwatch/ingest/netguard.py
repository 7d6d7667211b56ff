"""Which network addresses a URL may reach, decided before any connection.

A URL in a batch is untrusted: a feed or a redirect can point at the
machine's own services, the office network or a cloud metadata endpoint
(169.254.169.254) that hands out credentials. So every hop's host is
resolved here, every address it resolves to is classified, and the fetch
then connects to an address that was checked (never re-resolving, which a
rebinding DNS server could answer differently).

``allow_private`` opens loopback, private and reserved ranges (a local test
server, an intranet mirror). Link-local, multicast and unspecified
addresses stay closed regardless: nothing legitimate serves news there and
the metadata endpoints do.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Final, Literal

from sahelwatch.errors import BlockedAddress, FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Category = Literal[
    "loopback", "private", "link-local", "multicast", "reserved", "unspecified", "non-public"
]

#: Refused even with ``allow_private``.
ALWAYS_BLOCKED: Final[frozenset[Category]] = frozenset({"link-local", "multicast", "unspecified"})

_THIS_NETWORK: Final = ipaddress.IPv4Network("0.0.0.0/8")  # Linux routes 0.x to the host itself
_NAT64: Final = ipaddress.IPv6Network("64:ff9b::/96")


def classify(address: IPAddress) -> Category | None:
    """The kind of non-public address ``address`` is, or ``None`` if it is public.

    An IPv6 address that carries an IPv4 one (mapped ``::ffff:a.b.c.d``,
    6to4, NAT64) is judged by the IPv4 address it will reach.
    """
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return classify(embedded)
    if address.is_unspecified or (
        isinstance(address, ipaddress.IPv4Address) and address in _THIS_NETWORK
    ):
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:  # before is_private, which also covers 169.254/16
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_reserved:  # before is_private, which also covers 240/4
        return "reserved"
    if address.is_private:
        return "private"
    if not address.is_global:  # e.g. carrier-grade NAT 100.64/10, documentation ranges
        return "non-public"
    return None


@dataclass(frozen=True)
class Refusal:
    """Why an address may not be reached, and whether ``allow_private`` would change that."""

    address: IPAddress
    category: Category

    @property
    def overridable(self) -> bool:
        return self.category not in ALWAYS_BLOCKED

    @property
    def advice(self) -> str:
        return "use --allow-private to allow" if self.overridable else "never allowed"


def refusal(address: IPAddress, *, allow_private: bool) -> Refusal | None:
    """A ``Refusal`` if ``address`` may not be reached under these options."""
    category = classify(address)
    if category is None:
        return None
    if allow_private and category not in ALWAYS_BLOCKED:
        return None
    return Refusal(address, category)


def checked_addresses(
    name: str, host: str, port: int, *, allow_private: bool, redirected: bool
) -> list[IPAddress]:
    """Every address ``host`` resolves to, once all of them have passed.

    One refused address refuses the host: the connection could go to any of
    them. ``name`` is the input the error will name; ``redirected`` words the
    error for a hop the user did not type.
    """
    literal = parse_ip(host)
    addresses = [literal] if literal is not None else _resolve(name, host, port)
    for address in addresses:
        refused = refusal(address, allow_private=allow_private)
        if refused is None:
            continue
        what = f"{_article(refused.category)} {refused.category} address"
        if redirected:
            reason = f"redirects to {refused.category} address {address}"
        elif literal is not None:
            reason = f"{address} is {what}"
        else:
            reason = f"{host} resolves to {refused.category} address {address}"
        raise BlockedAddress(name, f"{reason} ({refused.advice})")
    return addresses


def parse_ip(host: str) -> IPAddress | None:
    """``host`` as an IP address if it is written as one (IPv6 with or without brackets)."""
    try:
        return ipaddress.ip_address(host.strip("[]").partition("%")[0])
    except ValueError:
        return None


def _resolve(name: str, host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        detail = error.strerror if isinstance(error, socket.gaierror) else str(error)
        raise FetchError(name, f"cannot resolve host {host}: {detail}") from error
    addresses: list[IPAddress] = []
    for info in infos:
        # A scoped IPv6 address ("fe80::1%eth0") is classified without its scope.
        address = ipaddress.ip_address(str(info[4][0]).partition("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(name, f"cannot resolve host {host}: no address")
    return addresses


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"
