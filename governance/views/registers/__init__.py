"""Pages of the registers: the office's lists and forms under /governance/registers/
(:mod:`.staff`), and the public pages and CSV exports under /registers/ (:mod:`.public`).

Every change is made by governance.services.registers; these views parse, call and render.
"""
