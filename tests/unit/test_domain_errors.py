"""A broken pack is refused with one line naming the file and the line to fix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sahelwatch.domain import PackError, load_pack
from sahelwatch.errors import ConfigError

PACK_YAML = """\
id: test
name: Test
languages: [en, fr]
version: "1"
"""

STATES = """\
- id: aldoria
  name: Aldoria
  type: GPE
  lat: 10.0
  lon: 20.0

- id: belmark
  name: Belmark
  type: GPE
"""


def write_pack(root: Path, files: dict[str, str]) -> Path:
    files = {"pack.yaml": PACK_YAML, **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def load_error(root: Path, files: dict[str, str]) -> PackError:
    pack_dir = write_pack(root, files)
    with pytest.raises(PackError) as caught:
        load_pack(pack_dir)
    message = str(caught.value)
    assert "\n" not in message
    return caught.value


def test_domain_valid_minimal_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path, {"states.yaml": STATES}))
    assert [e.id for e in pack.entities] == ["aldoria", "belmark"]


def test_domain_pack_error_is_a_config_error() -> None:
    assert issubclass(PackError, ConfigError)
    error = PackError("packs/x/states.yaml", 3, "bad\nthing")
    assert str(error) == "packs/x/states.yaml:3: bad thing"
    assert (error.file, error.line, error.reason) == ("packs/x/states.yaml", 3, "bad thing")


def test_domain_error_yaml_syntax(tmp_path: Path) -> None:
    broken = STATES.replace("name: Belmark", "name: [Belmark")
    error = load_error(tmp_path, {"states.yaml": broken})
    assert str(error).startswith(f"{tmp_path}/states.yaml:")
    assert "invalid YAML" in str(error)
    assert error.line is not None and error.line >= 8


def test_domain_error_unknown_field(tmp_path: Path) -> None:
    broken = STATES.replace("  lat: 10.0", "  alias: [Aldo]\n  lat: 10.0")
    error = load_error(tmp_path, {"states.yaml": broken})
    assert str(error).startswith(
        f"{tmp_path}/states.yaml:4: unknown field 'alias' in state 'aldoria' (expected one of: "
    )
    assert "aliases" in str(error)


def test_domain_error_missing_required_field(tmp_path: Path) -> None:
    broken = STATES.replace("  name: Belmark\n", "")
    error = load_error(tmp_path, {"states.yaml": broken})
    assert str(error) == (
        f"{tmp_path}/states.yaml:7: missing required field 'name' in state 'belmark'"
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "reason"),
    [
        ("type: GPE\n  lat", "type: CITY\n  lat", 3, "unknown entity type 'CITY'"),
        ("type: GPE\n  lat", "type: ORG\n  lat", 3, "does not belong in states.yaml"),
        ("lat: 10.0", "lat: north", 4, "field 'lat' of state 'aldoria' must be a number"),
        ("lat: 10.0", "lat: '10.0'", 4, "must be a number"),
        ("name: Aldoria", "name: [Aldoria]", 2, "field 'name' of state 'aldoria' must be text"),
        ("  lat: 10.0", "  aliases: Aldo\n  lat: 10.0", 4, "must be a mapping"),
        ("  lat: 10.0", "  aliases: {en: Aldo}\n  lat: 10.0", 4, "must be a list"),
        ("  lat: 10.0", "  aliases: {de: [Aldo]}\n  lat: 10.0", 4, "unknown language 'de'"),
        ("  lat: 10.0", "  kb_id: 912\n  lat: 10.0", 4, "must be a Wikidata id"),
        ("id: aldoria", "id: Aldoria", 1, "must be a snake_case id"),
        ("  lat: 10.0\n  lon: 20.0\n", "  lat: 10.0\n", 1, "needs both 'lat' and 'lon'"),
        ("  lon: 20.0", "  lon: 20.0\n  lon: 21.0", 6, "duplicate field 'lon'"),
    ],
)
def test_domain_error_bad_value(tmp_path: Path, old: str, new: str, line: int, reason: str) -> None:
    assert old in STATES
    error = load_error(tmp_path, {"states.yaml": STATES.replace(old, new, 1)})
    assert str(error).startswith(f"{tmp_path}/states.yaml:{line}: ")
    assert reason in str(error)


def test_domain_error_duplicate_id_across_files(tmp_path: Path) -> None:
    cities = """\
    - id: port
      name: Port
      type: GPE
      country: aldoria

    - id: belmark
      name: Belmark City
      type: GPE
    """
    error = load_error(tmp_path, {"states.yaml": STATES, "cities.yaml": cities})
    assert str(error).startswith(f"{tmp_path}/cities.yaml:6: duplicate id 'belmark'")
    assert f"{tmp_path}/states.yaml:7" in str(error)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("country", "atlantis", "field 'country' of city 'port' names unknown id 'atlantis'"),
        ("metonym_for", "nowhere", "field 'metonym_for' of city 'port' names unknown id 'nowhere'"),
        ("member_of", "[league]", "field 'member_of' of city 'port' names unknown id 'league'"),
        ("capital_of", "port", "field 'capital_of' of city 'port' names itself"),
        (
            "country",
            "league_hq",
            "field 'country' of city 'port' must name a GPE, but city 'league_hq' is LOC",
        ),
    ],
)
def test_domain_error_dangling_reference(
    tmp_path: Path, field: str, value: str, reason: str
) -> None:
    cities = f"""\
    - id: league_hq
      name: League HQ
      type: LOC

    - id: port
      name: Port
      type: GPE
      {field}: {value}
    """
    error = load_error(tmp_path, {"states.yaml": STATES, "cities.yaml": cities})
    assert str(error) == f"{tmp_path}/cities.yaml:8: {reason}"


def test_domain_error_person_nationality_must_exist(tmp_path: Path) -> None:
    people = """\
    - id: mira
      name: Mira Okonde
      type: PERSON
      nationality: atlantis
    """
    error = load_error(tmp_path, {"states.yaml": STATES, "people.yaml": people})
    assert str(error).startswith(f"{tmp_path}/people.yaml:4: field 'nationality'")


@pytest.mark.parametrize(("field", "value"), [("lat", "95"), ("lat", "-90.5"), ("lon", "180.01")])
def test_domain_error_coordinates_out_of_range(tmp_path: Path, field: str, value: str) -> None:
    broken = STATES.replace(f"{field}: {'10.0' if field == 'lat' else '20.0'}", f"{field}: {value}")
    error = load_error(tmp_path, {"states.yaml": broken})
    line = 4 if field == "lat" else 5
    assert str(error).startswith(f"{tmp_path}/states.yaml:{line}: field '{field}' of state")
    assert "outside" in str(error)


def test_domain_error_alias_clash_within_a_type(tmp_path: Path) -> None:
    organizations = """\
    - id: league
      name: Reef League
      type: ORG
      aliases:
        any: [RL]

    - id: rangers
      name: Reef Rangers
      type: ORG
      aliases:
        fr: [rl]
    """
    error = load_error(tmp_path, {"organizations.yaml": organizations})
    assert str(error).startswith(
        f"{tmp_path}/organizations.yaml:11: 'rl' (fr) of organization 'rangers' is also a form"
        f" of organization 'league' ({tmp_path}/organizations.yaml:5)"
    )


def test_domain_alias_clash_allowed_when_marked_or_across_types(tmp_path: Path) -> None:
    organizations = """\
    - id: league
      name: Reef League
      type: ORG
      aliases:
        any: [RL]
      ambiguous: [RL]

    - id: rangers
      name: Reef Rangers
      type: ORG
      aliases:
        any: [RL]
      ambiguous: [rl]

    - id: aldoria_rebels
      name: Aldoria
      type: GROUP
    """
    pack = load_pack(
        write_pack(tmp_path, {"states.yaml": STATES, "organizations.yaml": organizations})
    )
    assert [e.id for e in pack.lookup("RL", "en")] == ["league", "rangers"]
    assert [e.id for e in pack.lookup("Aldoria", "en")] == ["aldoria", "aldoria_rebels"]


def test_domain_error_clash_marked_on_one_side_only(tmp_path: Path) -> None:
    organizations = """\
    - id: league
      name: Reef League
      type: ORG
      aliases:
        any: [RL]
      ambiguous: [RL]

    - id: rangers
      name: Reef Rangers
      type: ORG
      aliases:
        any: [RL]
    """
    error = load_error(tmp_path, {"organizations.yaml": organizations})
    assert str(error).startswith(f"{tmp_path}/organizations.yaml:12: 'RL'")


def test_domain_error_ambiguous_mark_must_be_an_own_form(tmp_path: Path) -> None:
    organizations = """\
    - id: league
      name: Reef League
      type: ORG
      ambiguous: [RL]
    """
    error = load_error(tmp_path, {"organizations.yaml": organizations})
    assert str(error).startswith(f"{tmp_path}/organizations.yaml:4: 'RL' in 'ambiguous'")


def test_domain_error_demonym_clash(tmp_path: Path) -> None:
    states = """\
    - id: aldoria
      name: Aldoria
      type: GPE
      demonyms: {en: [Aldorian]}

    - id: belmark
      name: Belmark
      type: GPE
      demonyms: {any: [ALDORIAN]}
    """
    error = load_error(tmp_path, {"states.yaml": states})
    assert str(error).startswith(f"{tmp_path}/states.yaml:9: demonym 'ALDORIAN' of state 'belmark'")


def test_domain_error_duplicate_kb_id(tmp_path: Path) -> None:
    states = STATES.replace("type: GPE\n  lat", "type: GPE\n  kb_id: Q1\n  lat").replace(
        "name: Belmark\n  type: GPE\n", "name: Belmark\n  type: GPE\n  kb_id: Q1\n"
    )
    error = load_error(tmp_path, {"states.yaml": states})
    assert str(error).startswith(f"{tmp_path}/states.yaml:11: kb_id 'Q1' of state 'belmark'")


def test_domain_error_unknown_key_in_pack_yaml(tmp_path: Path) -> None:
    error = load_error(tmp_path, {"pack.yaml": PACK_YAML + "founded: 2023\n"})
    assert str(error).startswith(
        f"{tmp_path}/pack.yaml:5: unknown field 'founded' in the pack description"
    )


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("id: test\nname: Test\nversion: 1\n", 1, "missing required field 'languages'"),
        ("id: test\nname: Test\nversion: 1\nlanguages: [english]\n", 4, "not a language code"),
        ("id: test\nname: Test\nversion: 1\nlanguages: [en, en]\n", 4, "listed twice"),
        ("id: test\nname: Test\nversion: 1\nlanguages: []\n", 4, "needs a language"),
        ("- id: test\n", 1, "must be a mapping"),
        ("", 1, "is empty"),
    ],
)
def test_domain_error_bad_pack_yaml(tmp_path: Path, text: str, line: int, reason: str) -> None:
    error = load_error(tmp_path, {"pack.yaml": text})
    assert str(error).startswith(f"{tmp_path}/pack.yaml:{line}: ")
    assert reason in str(error)


def test_domain_error_unknown_pack_file(tmp_path: Path) -> None:
    error = load_error(tmp_path, {"peopel.yaml": "[]\n"})
    assert str(error).startswith(f"{tmp_path}/peopel.yaml: not a pack file")
    assert "people.yaml" in str(error)


def test_domain_error_entity_file_must_be_a_list(tmp_path: Path) -> None:
    error = load_error(tmp_path, {"states.yaml": "id: aldoria\n"})
    assert str(error).startswith(f"{tmp_path}/states.yaml:1: states.yaml must be a list")


def test_domain_error_not_utf8(tmp_path: Path) -> None:
    write_pack(tmp_path, {})
    (tmp_path / "states.yaml").write_bytes(b"- id: aldoria\n  name: Ald\xf6ria\n")
    with pytest.raises(PackError, match=r"states\.yaml:2: not UTF-8 text"):
        load_pack(tmp_path)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("- key: general\n  kind: rank\n  forms: {en: [General]}\n", 2, "unknown title kind"),
        ("- key: general\n  kind: military_rank\n", 1, "missing required field 'forms'"),
        (
            "- key: general\n  kind: military_rank\n  forms: {en: [General]}\n"
            "- key: gen\n  kind: military_rank\n  forms: {any: [general]}\n",
            6,
            "form 'general' of title 'gen' is also a form of title 'general'",
        ),
        (
            "- key: general\n  kind: military_rank\n  forms: {en: [General]}\n"
            "- key: general\n  kind: office\n  forms: {en: [Gen]}\n",
            4,
            "duplicate title key 'general'",
        ),
    ],
)
def test_domain_error_bad_titles(tmp_path: Path, text: str, line: int, reason: str) -> None:
    error = load_error(tmp_path, {"titles.yaml": text})
    assert str(error).startswith(f"{tmp_path}/titles.yaml:{line}: ")
    assert reason in str(error)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("lexicons/en.yaml", "party:\n  nouns: [party]\n", "en.yaml:1: unknown event type 'party'"),
        ("lexicons/en.yaml", "summit:\n  lemmas: [summit]\n", "en.yaml:2: unknown field 'lemmas'"),
        ("lexicons/de.yaml", "summit:\n  nouns: [Gipfel]\n", "de.yaml: lexicon for a language"),
        ("lexicons/fr.yaml", "coup:\n  nouns: [coup d'État]\n", 'fr.yaml:2: "coup d\'État" in'),
    ],
)
def test_domain_error_bad_lexicon(tmp_path: Path, name: str, text: str, expected: str) -> None:
    error = load_error(tmp_path, {name: text})
    assert expected in str(error)


def test_domain_error_unknown_pack_name() -> None:
    with pytest.raises(PackError, match=r"^atlantis: no such pack \(bundled packs: .*sahel"):
        load_pack("atlantis")


def test_domain_error_folder_without_pack_yaml(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"pack\.yaml: missing"):
        load_pack(tmp_path)
    with pytest.raises(PackError, match="is a folder"):
        load_pack(tmp_path / "nowhere")
