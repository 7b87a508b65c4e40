// The python3 that has openpyxl/xlwt: $PYTHON, else the system one (a pyenv shim on PATH may lack them).
import { existsSync } from 'node:fs';

export const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
