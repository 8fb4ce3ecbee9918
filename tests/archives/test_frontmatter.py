"""NARA's catalogue row as a YAML front matter at the head of a transcript."""

from __future__ import annotations

import pytest

from desclasificado.archives.jfk.frontmatter import FrontMatterError, split_front_matter
from desclasificado.archives.jfk.rif import parse_rif

HEAD = "---\nrecord_number: 104-10069-10376\ndocument_date: 06/22/1976\nfrom_name: ''\nformerly_withheld: NO\n---\n"


def test_the_front_matter_is_split_off_as_text() -> None:
    front = split_front_matter(HEAD + "## Page 1\n\nSECRET\n")
    assert front.fields == {"record_number": "104-10069-10376", "document_date": "06/22/1976",
                            "from_name": "", "formerly_withheld": "NO"}  # "NO" stays text
    assert front.body == "## Page 1\n\nSECRET\n"
    assert front.lines == 6 and front.present


def test_a_transcript_without_one_is_unchanged() -> None:
    for text in ("## Page 1\n\ntext\n", "---\n## Page 1\n\ntext\n", "", "----\nx: 1\n----\n"):
        front = split_front_matter(text)
        assert front.body == text and front.fields == {} and not front.present


@pytest.mark.parametrize("bad", ["---\nrecord_number: [1, 2\n---\n", "---\n- a\n- b\n---\n",
                                 "---\ntitle: [a, b]\n---\n"])
def test_a_broken_front_matter_is_an_error(bad: str) -> None:
    with pytest.raises(FrontMatterError, match="front matter"):
        split_front_matter(bad + "## Page 1\n")


def test_the_front_matter_is_not_read_as_the_form() -> None:
    text = HEAD.replace("from_name: ''", "from_name: DIRECTOR") + "## Page 1\n\nSECRET\nCITE WAVE 1234\n"
    result = parse_rif(text)
    assert not result.form
    assert result.fields["from"] == "" and result.fields["record_number"] == ""
    assert result.front_matter["from_name"] == "DIRECTOR"
