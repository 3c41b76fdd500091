#!/bin/sh
set -eu
# Admins allowed to log in: __ADMINS__
for user in __ADMINS__; do
  echo "AllowUsers $user" >> /etc/ssh/sshd_config.d/50-admins.conf
done
sed -i 's/^#\?PermitRootLogin.*/PermitRootLogin no/' /etc/ssh/sshd_config
