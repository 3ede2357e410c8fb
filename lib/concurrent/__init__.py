# concurrent — a namespace for the concurrent.futures package.
