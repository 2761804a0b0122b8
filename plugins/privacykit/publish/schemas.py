"""The editor JSON Schemas of the files writers edit, in `privacykit/schemas/`.

They are generated from the models the loader validates with (`model/files.py`), so the
two cannot drift: `python -m privacykit.publish.schemas` rewrites them, and a test fails
when the committed files differ from what this module generates.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model.files import SCHEMAS, json_schema


def render() -> dict[str, str]:
    """Each schema file's name and text."""
    return {name: json.dumps(json_schema(model, title), indent=2, ensure_ascii=False) + "\n"
            for name, (model, title) in SCHEMAS.items()}


def main() -> None:
    folder = Path(__file__).resolve().parent.parent / "schemas"
    for name, text in render().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main()
