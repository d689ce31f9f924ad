Gebruik: jeugdroute contract add --provider ID --region REGIO
