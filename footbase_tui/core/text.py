"""Cleaning text typed by a user or read from a user's files, before it is stored or shown."""

from __future__ import annotations

import re
import unicodedata

# Terminal escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), DCS/SOS/PM/APC
# strings, two-byte escapes, and their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]            # CSI
  | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])      # OSC, DCS, SOS, PM, APC ...
      .*?(?:\x07|\x1b\\|\x9c|$)                  # ... up to BEL or ST (or the end)
  | \x1b[@-Z\\-_]                                # other two-byte escapes
    """,
    re.VERBOSE | re.DOTALL,
)
# Everything in Unicode category C* except newline and tab (handled separately):
# controls, format characters such as bidi overrides, surrogates, private use is kept.
_KEEP = {"\n", "\t"}


def clean_text(text: str, *, multiline: bool = True) -> str:
    """Strip escape sequences and control characters; normalise newlines and spaces.

    Lone surrogates (from undecodable bytes) become U+FFFD. With multiline=False, every
    newline becomes a space. Leading and trailing white space is removed.
    """
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    out = []
    for ch in text:
        if ch in _KEEP:
            out.append(" " if ch == "\t" or not multiline else ch)
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs"):
            continue
        if cat == "Cf" and ch not in ("\u200d",):  # keep ZWJ for emoji sequences
            continue
        out.append(ch)
    cleaned = "".join(out)
    if multiline:
        lines = [line.rstrip() for line in cleaned.split("\n")]
        cleaned = "\n".join(lines)
        cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip()


def first_line(text: str, width: int = 60) -> str:
    """The first line of `text`, cut to `width` characters with an ellipsis when longer."""
    line = text.split("\n", 1)[0]
    if len(line) > width:
        return line[: width - 1] + "…"
    return line


def shown(text: object, *, multiline: bool = False) -> str:
    """`text` (user text, or foreign text such as a file name or an error) made safe to
    print or draw: no escape sequence, C0/C1 control, DEL or bidi override survives, and
    with multiline=False no line break either. The one sanitiser every output goes through.

    Unlike clean_text (for input), plain text is returned as it is, spaces included.
    """
    value = str(text)
    if value.isprintable():  # no Cc/Cf/Cs/Zl/Zp character: nothing to strip (the common case)
        return value
    return clean_text(value, multiline=multiline)


def json_shown(text: str) -> str:
    """JSON text that is safe on a terminal and still says the same: every control,
    format or surrogate character left in it (json.dumps with ensure_ascii=False keeps C1
    controls and bidi overrides) is written as a \\uXXXX escape."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch != "\u200d":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)
