#!/bin/sh
echo "héllo wörld"
