"""Commands that run their work now or queue it as a task (core.background)."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
@pytest.mark.parametrize("flag", ["--enqueue", "--background"])
@pytest.mark.parametrize("command", ["run_retention", "expire_match_requests"])
def test_a_task_command_queues_its_task_instead_of_running_it(command, flag):
    out = StringIO()
    call_command(command, flag, stdout=out)
    assert out.getvalue().startswith("In de wachtrij gezet: taak ")
