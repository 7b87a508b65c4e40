# Saves a workbook as an .xls that truly needs a password to open (BIFF8 with a FILEPASS record,
# RC4-encrypted), the way a clerk's LibreOffice does with "Save with password": LibreOffice is run
# headless and driven over UNO (python3-uno), since --convert-to cannot pass a password.
# Usage: encrypt-xls.py SOFFICE SRC DST PASSWORD
import os, subprocess, sys, time, tempfile, shutil, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

def main(soffice, src, dst, password):
    profile = tempfile.mkdtemp(prefix='lo-uno-')
    pipe = 'h10l_' + str(os.getpid())
    proc = subprocess.Popen([soffice, '-env:UserInstallation=file://' + profile, '--headless', '--norestore', '--invisible',
                             '--accept=pipe,name=%s;urp;' % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe); break
            except Exception:
                time.sleep(0.25)
        if ctx is None: raise SystemExit('LibreOffice did not start')
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop('FilterName', 'MS Excel 97'), prop('Password', password)))
        doc.close(True)
        try: desktop.terminate()
        except Exception: pass
    finally:
        try: proc.wait(timeout=20)
        except Exception: proc.kill()
        shutil.rmtree(profile, ignore_errors=True)

main(*sys.argv[1:5])
