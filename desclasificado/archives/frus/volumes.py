"""The FRUS volumes the site knows, with the facts their citations need.

Every fact is copied from the volume's own TEI header and title page in the Office of the
Historian's repository (GitHub HistoryAtState/frus, `volumes/<volume>.xml`), read at the
commits recorded below; nothing is filled in. A fact the volume does not state is None and
the citation leaves it out (the online-only volume E-16 names no publisher). To add a
volume: copy its facts the same way, with the commit you read, and add a test citation.
"""

from __future__ import annotations

from dataclasses import dataclass

SERIES = "Foreign Relations of the United States"
REPOSITORY = "HistoryAtState/frus"


@dataclass(frozen=True)
class Volume:
    """One volume: its id as HistoryAtState spells it and what its title page says."""

    id: str
    subseries: str                 # "1969–1976"
    volume_number: str | None      # "E–16", "XII"; None when the volume has no number
    title: str                     # "Documents on Chile, 1969–1973"
    editors: tuple[str, ...]       # the volume's editors (not the series' general editor)
    place: str | None
    publisher: str | None
    year: int | None
    commit: str                    # the commit of volumes/<id>.xml the facts were read at

    @property
    def path(self) -> str:
        return f"volumes/{self.id}.xml"

    @property
    def full_title(self) -> str:
        """'Foreign Relations of the United States, 1969–1976, Volume E–16, Documents on
        Chile, 1969–1973', as the header's complete title gives it."""
        number = f", Volume {self.volume_number}" if self.volume_number else ""
        return f"{SERIES}, {self.subseries}{number}, {self.title}"


VOLUMES: dict[str, Volume] = {v.id: v for v in (
    # titleStmt: subseries 1964–1968, volume-number "Volume XXXII", volume "Dominican Republic;
    # Cuba; Haiti; Guyana", editors (primary) Daniel Lawler, Carolyn Yee; publicationStmt:
    # United States Government Printing Office, Washington, 2005. The title page agrees.
    Volume("frus1964-68v32", "1964–1968", "XXXII", "Dominican Republic; Cuba; Haiti; Guyana",
           ("Daniel Lawler", "Carolyn Yee"), "Washington",
           "United States Government Printing Office", 2005,
           "8dbb734d49e3229e57366286ec679e70de3a92a9"),
    # titleStmt: subseries 1952–1954, volumenumber "Retrospective Volume" (not a number),
    # volume "Guatemala", editor (primary) Susan Holly; publicationStmt: United States
    # Government Printing Office, Washington, 2003. The title page agrees.
    Volume("frus1952-54Guat", "1952–1954", None, "Guatemala", ("Susan Holly",), "Washington",
           "United States Government Printing Office", 2003,
           "031a4d60417505c1d337a05f7e933c571dff68c6"),
    # The title page's byline: "Editors: Charles S. Sampson, Edward C. Keefer, Harriet
    # Dashiell Schwar, W. Taylor Fain III" (the header's titleStmt lists the last three
    # only); publicationStmt: United States Government Printing Office, Washington, 1996.
    Volume("frus1961-63v12", "1961–1963", "XII", "American Republics",
           ("Charles S. Sampson", "Edward C. Keefer", "Harriet Dashiell Schwar",
            "W. Taylor Fain III"), "Washington", "United States Government Printing Office",
           1996, "0f36fb916c43f7c92225a40e16593d864e5a9c82"),
    # titleStmt: editors (primary) James McElveen, James Siekmeier; publicationStmt: an
    # empty <publisher/>, Washington, 2015 ("Released in 2015 as online volume").
    Volume("frus1969-76ve16", "1969–1976", "E–16", "Documents on Chile, 1969–1973",
           ("James McElveen", "James Siekmeier"), "Washington", None, 2015,
           "000b082d9484e3a79610d764dd7018a3c7a36b26"),
    # titleStmt: subseries 1958–1960, volumenumber "Volume V", volume "American Republics";
    # its <editor role="primary"/> is empty and the title page has no byline, so no editors
    # (the preface says N. Stephen Kane supervised the compilation); publicationStmt: United
    # States Government Printing Office, Washington, 1991. The title page agrees.
    Volume("frus1958-60v05", "1958–1960", "V", "American Republics", (), "Washington",
           "United States Government Printing Office", 1991,
           "8a36dbb1f90da333b45c57238d38e97165128084"),
    # titleStmt: subseries 1977–1980, volume-number "Volume XXIX", volume "Panama", editor
    # (primary) Laura R. Kolar; publicationStmt: United States Government Printing Office,
    # Washington, 2016 ("Released in 2016 as printed book"). (Volume XV, Central America, is
    # stored only as an empty shell at e8f6ea8, so none of its documents can be copied.)
    Volume("frus1977-80v29", "1977–1980", "XXIX", "Panama", ("Laura R. Kolar",), "Washington",
           "United States Government Printing Office", 2016,
           "b0a40ca350df8b0da7a331b7c34519bcf4a790e7"),
)}


def document_address(volume: str, number: int) -> str:
    """The document's page at the Office of the Historian."""
    return f"https://history.state.gov/historicaldocuments/{volume}/d{number}"
