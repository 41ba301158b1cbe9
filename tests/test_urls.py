"""One dedupe key for the spellings a scrape gives the same page (claims.urls)."""

from __future__ import annotations

import pytest

from claims.urls import url_key

PAGE = "nasional.kompas.com/read/2024/03/05/10150011/dpr-setujui-ruu"


@pytest.mark.parametrize("url", [
    f"https://{PAGE}",
    f"http://{PAGE}",
    f"https://{PAGE}/",
    f"https://{PAGE}#komentar",
    "https://NASIONAL.Kompas.com/read/2024/03/05/10150011/dpr-setujui-ruu",
    "https://nasional.kompas.com:443/read/2024/03/05/10150011/dpr-setujui-ruu",
    f"https://{PAGE}?utm_source=twitter&utm_medium=social&utm_campaign=berita",
    f"https://{PAGE}?fbclid=IwAR0x9",
    f"https://{PAGE}?amp=1",
    f"https://{PAGE}/amp",
    f"  https://{PAGE}  ",
])
def test_spellings_of_one_page_share_a_key(url: str) -> None:
    assert url_key(url) == PAGE


@pytest.mark.parametrize(("url", "key"), [
    ("https://www.tribunnews.com/amp/nasional/2024/03/05/kpu-tetapkan",
     "tribunnews.com/nasional/2024/03/05/kpu-tetapkan"),
    ("https://m.detik.com/news/berita/d-7227190/banjir", "detik.com/news/berita/d-7227190/banjir"),
    ("https://amp.kontan.co.id/news/harga-beras", "kontan.co.id/news/harga-beras"),
    ("www.antaranews.com/berita/4001", "antaranews.com/berita/4001"),
])
def test_mobile_amp_and_www_copies_are_the_page(url: str, key: str) -> None:
    assert url_key(url) == key


@pytest.mark.parametrize(("one", "other"), [
    (f"https://{PAGE}?page=2", f"https://{PAGE}?page=3"),  # another page of the story
    ("https://example.com/berita?id=5", "https://example.com/berita?id=6"),
    ("https://example.com/Berita/5", "https://example.com/berita/5"),  # paths keep their case
    ("https://example.com:8080/a", "https://example.com/a"),
    ("https://m.co/a", "https://co/a"),  # "m." of a two-label host is the name itself
])
def test_what_selects_another_page_stays_in_the_key(one: str, other: str) -> None:
    assert url_key(one) != url_key(other)


def test_query_parameters_that_matter_are_kept_in_one_order() -> None:
    assert url_key("https://x.com/a?b=2&a=1&utm_source=t") == url_key("https://x.com/a?a=1&b=2")
    assert url_key("https://x.com/a?b=2&a=1") == "x.com/a?a=1&b=2"


@pytest.mark.parametrize(("value", "key"), [
    (None, None),
    ("", None),
    ("   ", None),
    ("artikel-17", "artikel-17"),  # an id given as url: its own key
    ("ftp://x.com/a", "ftp://x.com/a"),
    ("http://[zzz/a", "http://[zzz/a"),  # not parseable: kept as written
])
def test_values_that_are_no_web_address_are_their_own_key(value: str | None,
                                                         key: str | None) -> None:
    assert url_key(value) == key
