"""The Kenniswinkel speaks English under /en/. Its catalogue (questions/locale) is checked
with every other one in kennisstad/tests/test_translations.py."""


def test_english_pages_are_in_english(client, db):
    html = client.get("/en/vragen/stellen/").content.decode()
    assert "Ask the Kenniswinkel a question" in html
    assert "Stel een vraag" not in html
