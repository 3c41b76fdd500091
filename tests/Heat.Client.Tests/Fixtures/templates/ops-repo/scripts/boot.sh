#!/bin/bash
set -euo pipefail
# server_name is an input of the software config
echo "Booting ${server_name:-unknown}" | logger -t boot
mkdir -p /srv/app
