from elicit.core.session.engine import Interview
from elicit.core.session.file_format import read_session


def test_mini_session_starts_at_first_question(mini_session_path, mini_bank):
    session = read_session(mini_session_path)
    assert Interview(session, [mini_bank]).current.id == "mini.context.problem"
