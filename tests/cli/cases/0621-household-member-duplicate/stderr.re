^jeugdroute: household member: de persoon hoort al bij dit huishouden$
