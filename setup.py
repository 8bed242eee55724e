"""Package layout that pyproject.toml cannot express on its own (everything else is there).

``resources/`` (models, fonts, icons, compiled translations) and ``seeds/`` stay at the top
of the source tree, where people look for them, but ship inside the package as
``reader/resources`` and ``reader/seeds``: a wheel, ``pipx install .`` and the PyInstaller
bundle find them with importlib.resources (see reader/core/paths.py). Which files of each
folder ship is set in pyproject.toml's package-data.
"""

from setuptools import find_namespace_packages, setup

SHIPPED = ["fonts", "icons", "i18n", "models"]  # resources/screenshots stays out

setup(
    packages=[
        *find_namespace_packages(include=["reader*"]),
        "reader.resources",
        *(f"reader.resources.{name}" for name in SHIPPED),
        "reader.seeds",
    ],
    package_dir={"reader.resources": "resources", "reader.seeds": "seeds"},
)
