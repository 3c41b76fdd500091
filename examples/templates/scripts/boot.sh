#!/bin/sh
# Boot script shipped to the stack with get_file.
set -e
echo "starting worker"
