"""t1-noosfero: noosfero/noosfero at 299a0b9d, the narratives of every *.feature file of the repository
(features/ and plugins/*/features/), read by ../../common/features.py: one narrative a line, paths in Python
string order; the one description that does not open like a story (gravatar_support.feature) is left out."""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
G = os.environ.get("MIRROR", "/work/.mirror") + "/noosfero+noosfero/repo"
C = "299a0b9de333854b4077e069945a57ef27930fab"
subprocess.run([sys.executable, os.path.join(HERE, "..", "..", "common", "features.py"), G, C, ".", sys.argv[1]], check=True)
