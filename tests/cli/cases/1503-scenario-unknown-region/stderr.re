^jeugdroute: scenario: --region "utrecht": onbekende regio
