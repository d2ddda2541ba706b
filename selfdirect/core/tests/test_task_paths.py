"""Every background job can be found again by the path the database backend keeps
for it: the worker imports that path and refuses anything that is not the task
(a job whose function name differs from the name it is kept under never runs)."""

from django.utils.module_loading import import_string
from django_tasks.base import Task

from selfdirect.assurance.exercises.drawing import draw_sample
from selfdirect.audit.exports import export_pdf
from selfdirect.core.summaries import refresh_summary


def test_each_job_is_found_by_its_kept_path() -> None:
    for task in (refresh_summary, draw_sample, export_pdf):
        assert isinstance(task, Task)
        assert import_string(task.module_path) is task
