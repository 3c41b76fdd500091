#!/bin/sh
systemctl enable --now node-exporter
