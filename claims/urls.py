"""The identity of an article's address: one key for the ways a scrape writes the same page.

Archives hold the same story as ``https://www.x.com/a/1``, ``http://x.com/a/1/``,
``https://x.com/a/1?utm_source=twitter`` and its AMP copy ``https://amp.x.com/a/1``. Ingest
dedupes on :func:`url_key` of these, so a rerun over a re-scraped archive adds nothing twice
even where the page text changed a little (an ad, a "read also" link) and its hash with it.
The article keeps its url as given; only the key is normalised.

What is dropped is what never selects a different page: the scheme, ``www.``/``m.``/``amp.``
before the host, a default port, the fragment, a trailing slash, an ``/amp`` path segment,
and tracking or AMP query parameters. Everything else (``?page=2``, ``?id=5``) stays, in
sorted order.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit

#: Query parameters that only track the visit or ask for the AMP rendering of the same page.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
    "vero_id", "wickedid", "amp", "outputtype",
})
#: Any query parameter starting so is tracking (utm_source, utm_medium, ...).
TRACKING_PREFIXES = ("utm_",)
#: Host prefixes under which sites serve the same page (desktop, mobile, AMP).
HOST_PREFIXES = ("www.", "m.", "amp.")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=8192)  # ingest asks twice per article: before parsing and when writing
def url_key(url: str | None) -> str | None:
    """The dedupe key of ``url``: host (lower case, without ``www.``), path and the query
    parameters that matter; ``None`` for no url. A value that is not an http(s) address
    (a file name, an id) is its own key, stripped."""
    if url is None or not url.strip():
        return None
    raw = url.strip()
    try:
        parts = urlsplit(raw if "://" in raw else "http://" + raw)
        port = parts.port
    except ValueError:  # "http://[bad", "http://x:port"
        return raw
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname or (
            "://" not in raw and "." not in parts.hostname):
        return raw
    host = parts.hostname.rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
            break
    if port is not None and port != _DEFAULT_PORTS[parts.scheme.lower()]:
        host = f"{host}:{port}"
    segments = [s for s in parts.path.split("/") if s]
    if segments and segments[-1].lower() == "amp":
        segments.pop()
    elif segments and segments[0].lower() == "amp":
        segments.pop(0)
    query = sorted((name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True)
                   if name.lower() not in TRACKING_PARAMS
                   and not name.lower().startswith(TRACKING_PREFIXES))
    key = host + "/" + "/".join(segments)
    return key + "?" + urlencode(query) if query else key
