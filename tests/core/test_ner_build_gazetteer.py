"""The gazetteer built from Apertium's lexicon source: names and common words by kind."""

import json
from pathlib import Path

from reader.core.ner.build_gazetteer import main, parse_lexc
from reader.core.ner.model import NAMES_PATH

LEXC = """
LEXICON NP-COG-OB
%<np%>%<cog%>%<m%>:%{☭%} NP-COMMON ;                       ! Dir/LR

LEXICON Proper
Назарбаев:Назарбаев NP-COG-OB ; ! ""
Нұрсұлтан:Нұрсұлтан NP-ANT-M ; ! ""
Алма:Алма NP-ANT-F ; ! ""
Бандар%-Сери%-Бегаван:Бандар%-Сери%-Бегаван NP-TOP ; ! ""
Амнести% Интернэшнл:Амнести% Интернэшнл NP-ORG ; ! ""
Javascript:Javascript%{э%}%{т%} NP-ORG-LAT ; !"Use/MT"
!Жоқ:Жоқ NP-TOP ; ! a commented-out entry

LEXICON Common
алма:алма N1 ; ! "apple"
кеңсе:кеңсе N1 ; ! ""
бүгінде:бүгінде ADV ; ! ""
"""


def test_names_and_common_words_get_their_kinds() -> None:
    names = parse_lexc(LEXC.splitlines())
    assert names["назарбаев"] == {"cog"}
    assert names["назарбаева"] == {"cog"}  # the feminine of an -ов/-ев surname
    assert names["нұрсұлтан"] == {"ant"}
    assert names["алма"] == {"ant", "n"}  # a first name and an apple
    assert names["бандар-сери-бегаван"] == {"top"}  # % escapes the hyphen
    assert names["javascript"] == {"org"}
    assert names["бүгінде"] == {"adv"}
    assert "амнести интернэшнл" not in names  # several words: the feature is per word
    assert "жоқ" not in names


def test_the_script_writes_the_list_with_its_licence(tmp_path: Path) -> None:
    lexc = tmp_path / "apertium-kaz.kaz.lexc"
    lexc.write_text(LEXC, encoding="utf-8")
    out = tmp_path / "words.json"
    assert main([str(lexc), "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["names"]["алма"] == "ant+n"
    assert "GPL-3.0" in data["licence"]


def test_the_shipped_list_knows_kaznerd_style_names() -> None:
    names = json.loads(NAMES_PATH.read_text(encoding="utf-8"))["names"]
    assert "cog" in names["назарбаев"]
    assert "top" in names["астана"]
    assert names["кеңсе"] in ("n", "adj+n")
    assert len(names) > 20_000
