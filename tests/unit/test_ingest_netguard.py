"""Address classification and host checks: decided from addresses alone, nothing connects."""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

from sahelwatch.errors import BlockedAddress, FetchError
from sahelwatch.ingest.netguard import checked_addresses, classify, parse_ip, refusal


@pytest.mark.parametrize(
    ("address", "category"),
    [
        ("8.8.8.8", None),
        ("1.1.1.1", None),
        ("2001:4860:4860::8888", None),
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "link-local"),
        ("169.254.0.1", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:a9fe:a9fe::1", "link-local"),  # 6to4 around 169.254.169.254
        ("64:ff9b::a00:5", "private"),  # NAT64 around 10.0.0.5
        ("64:ff9b::808:808", None),  # NAT64 around 8.8.8.8
    ],
)
def test_ingest_netguard_classify(address: str, category: str | None) -> None:
    assert classify(ipaddress.ip_address(address)) == category


@pytest.mark.parametrize(
    ("address", "blocked_by_default", "blocked_when_private_allowed"),
    [
        ("8.8.8.8", False, False),
        ("127.0.0.1", True, False),
        ("10.0.0.5", True, False),
        ("fc00::1", True, False),
        ("240.0.0.1", True, False),
        ("169.254.169.254", True, True),
        ("fe80::1", True, True),
        ("224.0.0.1", True, True),
        ("0.0.0.0", True, True),
        ("::", True, True),
    ],
)
def test_ingest_netguard_allow_private_never_opens_link_local_multicast_unspecified(
    address: str, blocked_by_default: bool, blocked_when_private_allowed: bool
) -> None:
    ip = ipaddress.ip_address(address)
    assert (refusal(ip, allow_private=False) is not None) is blocked_by_default
    assert (refusal(ip, allow_private=True) is not None) is blocked_when_private_allowed


def _fake_dns(monkeypatch: pytest.MonkeyPatch, table: dict[str, list[str]]) -> list[str]:
    asked: list[str] = []

    def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        asked.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in table[host]
        ]

    monkeypatch.setattr("sahelwatch.ingest.netguard.socket.getaddrinfo", getaddrinfo)
    return asked


def test_ingest_netguard_checked_addresses_public_host(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_dns(monkeypatch, {"news.example": ["93.184.216.34", "2606:2800:220:1::1"]})
    addresses = checked_addresses("u", "news.example", 443, allow_private=False, redirected=False)
    assert [str(a) for a in addresses] == ["93.184.216.34", "2606:2800:220:1::1"]


def test_ingest_netguard_one_private_answer_refuses_the_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_dns(monkeypatch, {"rebind.example": ["93.184.216.34", "10.0.0.5"]})
    with pytest.raises(BlockedAddress) as caught:
        checked_addresses("url", "rebind.example", 80, allow_private=False, redirected=False)
    assert str(caught.value) == (
        "url: rebind.example resolves to private address 10.0.0.5 (use --allow-private to allow)"
    )


def test_ingest_netguard_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _fake_dns(monkeypatch, {})
    with pytest.raises(BlockedAddress) as literal:
        checked_addresses("u", "127.0.0.1", 80, allow_private=False, redirected=False)
    assert literal.value.reason == "127.0.0.1 is a loopback address (use --allow-private to allow)"
    with pytest.raises(BlockedAddress) as redirect:
        checked_addresses("u", "169.254.169.254", 80, allow_private=True, redirected=True)
    assert (
        redirect.value.reason == "redirects to link-local address 169.254.169.254 (never allowed)"
    )
    with pytest.raises(BlockedAddress) as ipv6:
        checked_addresses("u", "[::1]", 80, allow_private=False, redirected=True)
    assert ipv6.value.reason == "redirects to loopback address ::1 (use --allow-private to allow)"
    assert asked == []  # literals are never looked up


def test_ingest_netguard_unresolvable_host(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_dns(monkeypatch, {})
    with pytest.raises(FetchError) as caught:
        checked_addresses("u", "nowhere.invalid", 80, allow_private=False, redirected=False)
    assert not isinstance(caught.value, BlockedAddress)
    assert caught.value.reason == "cannot resolve host nowhere.invalid: Name or service not known"


def test_ingest_netguard_integer_spelling_of_loopback_is_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "2130706433" is 127.0.0.1 to the resolver; the check sees what it resolves to.
    _fake_dns(monkeypatch, {"2130706433": ["127.0.0.1"]})
    with pytest.raises(BlockedAddress, match=r"loopback address 127\.0\.0\.1"):
        checked_addresses("u", "2130706433", 80, allow_private=False, redirected=False)


def test_ingest_netguard_parse_ip() -> None:
    assert parse_ip("[::1]") == ipaddress.ip_address("::1")
    assert parse_ip("fe80::1%eth0") == ipaddress.ip_address("fe80::1")
    assert parse_ip("example.org") is None
