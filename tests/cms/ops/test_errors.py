import pytest

from cms.ops.backup import BackupError
from cms.ops.errors import OpsError
from cms.ops.jobs import JobError, find


def test_ops_errors_share_a_base():
    assert issubclass(JobError, OpsError) and issubclass(BackupError, OpsError)


@pytest.mark.django_db
def test_an_unknown_job_is_an_ops_error():
    with pytest.raises(OpsError, match="No job with ID"):
        find("00000000-0000-0000-0000-000000000000")
