"""The indicative split of each lever's regional 2030 effort among the départements.

The State's circular asks for a breakdown of the SGPE's regional effort by
département. Each lever is split by a key: the population of the départements
by default (the geography of this app), or a key uploaded by staff
(``DistributionKey``). The share of a département is effort × key(dep) / Σ key.

``compute`` holds the arithmetic (no database), ``selectors`` the reads,
``keys_file`` the validation of an uploaded CSV file and the preview of what it
changes, ``services`` the audited writes, ``exports`` the CSV and XLSX files.
The pages are ``territories/views_split.py``, mounted at /panorama/departements/.
"""
