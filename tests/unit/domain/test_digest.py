import hashlib
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from focusapp.domain.digest import sha256_hex


@given(st.binary(max_size=4096))
def test_the_digest_is_hashlibs_sha256(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_the_tray_names_its_socket_without_loading_openssl() -> None:
    code = (
        "import sys, pathlib; from focusapp.ui.single_instance import server_name;"
        "server_name(pathlib.Path('.')); import focusapp.settings.store;"
        "sys.exit('_hashlib' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
